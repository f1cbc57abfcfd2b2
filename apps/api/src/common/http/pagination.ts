import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '@api/common/errors/domain-error';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'next_cursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

/** Keyset position. created_at columns are timestamptz(3), so a JS Date round-trips them exactly. */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): KeysetPosition | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || typeof id !== 'string') throw new Error('shape');
    return { createdAt, id };
  } catch {
    throw new DomainError('invalid_cursor', 'cursor is not one this API returned');
  }
}

/** Fetch limit + 1 rows, then call this: it trims the extra row and says where the next page starts. */
export function toPage<Row extends { createdAt: Date; id: string }, Item>(rows: Row[], limit: number, map: (row: Row) => Item): { items: Item[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), next_cursor: rows.length > limit && last ? encodeCursor(last) : null };
}
