import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@api/config/app-config';
import { Public } from '@api/common/auth/access.decorators';
import { DomainError } from '@api/common/errors/domain-error';
import { ErrorBody } from '@api/common/errors/error-body';

class HealthDto {
  @ApiProperty({ example: 'healthy' }) status!: 'healthy';
  @ApiProperty({ example: 'keygate' }) service!: 'keygate';
  @ApiProperty({ example: '0.1.0' }) version!: string;
}

class ReadinessDto extends HealthDto {
  @ApiProperty({ example: 'ok' }) database!: 'ok';
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthDto, description: 'Liveness: the process answers' })
  live(): HealthDto {
    return { status: 'healthy', service: 'keygate', version: this.config.version };
  }

  @Get('ready')
  @Public()
  @ApiOkResponse({ type: ReadinessDto, description: 'Readiness: the database answers' })
  @ApiServiceUnavailableResponse({ type: ErrorBody })
  async ready(): Promise<ReadinessDto> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError('not_ready', 'The database is not reachable');
    }
    return { ...this.live(), database: 'ok' };
  }
}
