/**
 * A small typed client for the Claude API cost report, which @anthropic-ai/sdk does not cover
 * (GET /v1/organizations/cost_report; the usage report next to it has no cost, so it is not needed).
 */
export class AnthropicHttpError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly headers: Headers | undefined,
    readonly error: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'AnthropicHttpError';
  }
}

export interface CostReportResult {
  /** Decimal string, in cents. */
  amount: string;
  currency: string;
  workspace_id: string | null;
  description?: string | null;
}

interface ReportPage<T> {
  data: Array<{ starting_at: string; ending_at: string; results: T[] }>;
  has_more: boolean;
  next_page: string | null;
}

export interface ReportWindow {
  startingAt: Date;
  endingAt: Date;
}

export class AnthropicReportsClient {
  constructor(
    private readonly baseUrl: string,
    private readonly adminKey: string,
    private readonly timeoutMs: number,
  ) {}

  costReportPage(window: ReportWindow, page?: string): Promise<ReportPage<CostReportResult>> {
    return this.get('/v1/organizations/cost_report', [
      ['starting_at', window.startingAt.toISOString()],
      ['ending_at', window.endingAt.toISOString()],
      ['bucket_width', '1d'],
      ['group_by[]', 'workspace_id'],
      ['limit', '31'],
      ...(page ? [['page', page] as [string, string]] : []),
    ]);
  }

  private async get<T>(path: string, query: Array<[string, string]>): Promise<T> {
    const url = new URL(path, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    for (const [name, value] of query) url.searchParams.append(name, value);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'x-api-key': this.adminKey, 'anthropic-version': '2023-06-01', accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error: unknown) {
      throw new AnthropicHttpError(undefined, undefined, undefined, `request to ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new AnthropicHttpError(response.status, response.headers, body, `${path} answered ${response.status}`);
    return body as T;
  }
}
