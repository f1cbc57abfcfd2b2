import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one shape of every error the API returns. */
export class ErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable code' }) code!: string;
  @ApiProperty({ example: 'Request validation failed' }) message!: string;
  @ApiPropertyOptional({ description: 'Structured context, e.g. the fields that failed validation' })
  details?: unknown;
  @ApiProperty({ example: 'b1f2c3d4-…', description: 'Also in the X-Request-Id header and the logs' }) requestId!: string;
  @ApiPropertyOptional({ description: 'Only on 500: the id to search for in the server log' }) errorId?: string;
}
