import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Named leases in job_leases: at most one replica holds one at a time; a dead holder's lease runs out. */
@Injectable()
export class JobLeases {
  private readonly holder = randomUUID();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async tryAcquire(name: string, seconds: number): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO job_leases (name, holder, lease_until) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until
         WHERE job_leases.lease_until < now() OR job_leases.holder = EXCLUDED.holder
       RETURNING 1`,
      [name, this.holder, seconds],
    );
    return rows.length > 0;
  }

  async release(name: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM job_leases WHERE name = $1 AND holder = $2`, [name, this.holder]);
  }
}
