import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The process's Prometheus registry. Counters are created here so their names live in one place. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Histogram({
    name: 'keygate_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly logins = new Counter({
    name: 'keygate_logins_total',
    help: 'Sign-in attempts by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly vendorCalls = new Counter({
    name: 'keygate_vendor_calls_total',
    help: 'Vendor admin API operations by vendor, operation and outcome',
    labelNames: ['vendor', 'operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly keysByState = new Gauge({
    name: 'keygate_keys',
    help: 'Issued keys by vendor and state (refreshed by the background jobs)',
    labelNames: ['vendor', 'state'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'keygate_' });
  }
}
