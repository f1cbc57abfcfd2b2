/**
 * A small typed client for the Claude API usage and cost reports, which @anthropic-ai/sdk does not
 * cover (GET /v1/organizations/usage_report/messages and /v1/organizations/cost_report).
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

export interface UsageReportResult {
  api_key_id: string | null;
  workspace_id: string | null;
  model: string | null;
  uncached_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
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

  usageReportPage(window: ReportWindow, apiKeyIds: string[], page?: string): Promise<ReportPage<UsageReportResult>> {
    return this.get('/v1/organizations/usage_report/messages', [
      ['starting_at', window.startingAt.toISOString()],
      ['ending_at', window.endingAt.toISOString()],
      ['bucket_width', '1d'],
      ['group_by[]', 'api_key_id'],
      ...apiKeyIds.map((id) => ['api_key_ids[]', id] as [string, string]),
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
      });
    } catch (error: unknown) {
      throw new AnthropicHttpError(undefined, undefined, undefined, `request to ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new AnthropicHttpError(response.status, response.headers, body, `${path} answered ${response.status}`);
    return body as T;
  }
}
