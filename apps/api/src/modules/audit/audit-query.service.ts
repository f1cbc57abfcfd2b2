import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DomainError } from '@api/common/errors/domain-error';
import { AuditRepository } from './audit.repository';
import { AuditFilterDto, AuditQueryDto } from './dto/audit-query.dto';
import { AuditPageDto, AuditVerifyDto } from './dto/audit-event.dto';
import { toAuditEventDto, toChainedEvent } from './audit-event.mapper';
import { chainHash, genesisHash } from './audit-hash';

const BATCH = 2000;

function decodeCursor(cursor: string): number {
  const seq = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isSafeInteger(seq) || seq < 1) throw new DomainError('invalid_cursor', 'cursor is not one this API returned');
  return seq;
}

@Injectable()
export class AuditQueryService {
  constructor(private readonly events: AuditRepository) {}

  async list(organizationId: string, query: AuditQueryDto): Promise<AuditPageDto> {
    const limit = query.limit ?? 50;
    const before = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.events.pageDescending(organizationId, query, before, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toAuditEventDto),
      next_cursor: rows.length > limit && last ? Buffer.from(String(last.seq)).toString('base64url') : null,
    };
  }

  /** Recomputes the whole chain and names the first link that does not hold. */
  async verify(organizationId: string): Promise<AuditVerifyDto> {
    const head = await this.events.head(organizationId);
    const headSeq = head ? Number(head.lastSeq) : 0;
    let prevHash = genesisHash(organizationId);
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const batch = await this.events.pageAscending(organizationId, {}, expectedSeq - 1, BATCH);
      for (const row of batch) {
        const seq = Number(row.seq);
        const broken = (reason: string) => ({ ok: false, checked, head_seq: headSeq, first_broken: { seq, id: String(row.id), reason } });
        if (seq !== expectedSeq) return { ok: false, checked, head_seq: headSeq, first_broken: { seq: expectedSeq, id: null, reason: 'missing_event' } };
        if (row.prevHash !== prevHash) return broken('prev_hash_mismatch');
        if (chainHash(prevHash, toChainedEvent(row)) !== row.hash) return broken('hash_mismatch');
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
      if (batch.length < BATCH) break;
    }
    if (checked !== headSeq || (head && head.lastHash !== prevHash)) {
      return { ok: false, checked, head_seq: headSeq, first_broken: { seq: checked + 1, id: null, reason: checked < headSeq ? 'missing_event' : 'head_mismatch' } };
    }
    return { ok: true, checked, head_seq: headSeq, first_broken: null };
  }

  /** Oldest first, one JSON object per line, fetched in batches so memory stays flat. */
  exportNdjson(organizationId: string, filter: AuditFilterDto): Readable {
    const events = this.events;
    let after = 0;
    let done = false;
    return new Readable({
      read() {
        if (done) return;
        events.pageAscending(organizationId, filter, after, BATCH).then(
          (batch) => {
            if (batch.length === 0) {
              done = true;
              this.push(null);
              return;
            }
            after = Number(batch[batch.length - 1].seq);
            this.push(batch.map((e) => JSON.stringify(toAuditEventDto(e))).join('\n') + '\n');
          },
          (error: Error) => this.destroy(error),
        );
      },
    });
  }
}
