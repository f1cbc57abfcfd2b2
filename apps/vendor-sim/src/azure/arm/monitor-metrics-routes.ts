import type { FastifyInstance } from 'fastify';
import { armError } from '@sim/azure/azure-errors';
import { ACCOUNT_PATH } from '@sim/azure/arm/account-routes';
import type { ArmContext } from '@sim/azure/arm/arm-context';
import { type AccountParams, addressOf } from '@sim/azure/arm/arm-request';
import { accountResourceId } from '@sim/azure/arm/arm-resource-ids';
import type { InferenceUsageRecord } from '@sim/azure/arm/cognitive-account';
import { asVendorQuery, queryValue } from '@sim/common/vendor-query';

const HOUR_MS = 60 * 60 * 1000;

/** Azure OpenAI metrics (REST names) and how each is summed from a recorded call. */
const METRICS: Record<string, { localizedValue: string; valueOf: (record: InferenceUsageRecord) => number }> =
  {
    ProcessedPromptTokens: {
      localizedValue: 'Processed Prompt Tokens',
      valueOf: (record) => record.promptTokens,
    },
    GeneratedTokens: {
      localizedValue: 'Generated Completion Tokens',
      valueOf: (record) => record.completionTokens,
    },
    TokenTransaction: {
      localizedValue: 'Processed Inference Tokens',
      valueOf: (record) => record.promptTokens + record.completionTokens,
    },
    AzureOpenAIRequests: { localizedValue: 'Azure OpenAI Requests', valueOf: () => 1 },
  };

function parseInterval(value: string | undefined): number {
  if (value === undefined || value === '') return HOUR_MS;
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value);
  const ms =
    match === null
      ? 0
      : ((Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0)) * 60 + Number(match[3] ?? 0)) * 60_000;
  if (ms <= 0)
    throw armError(
      400,
      'BadRequest',
      `Invalid interval '${value}'. Use an ISO 8601 duration such as PT1M, PT1H or P1D.`,
    );
  return ms;
}

function parseTimespan(value: string | undefined, nowMs: number): { startMs: number; endMs: number } {
  if (value === undefined || value === '') return { startMs: nowMs - 24 * HOUR_MS, endMs: nowMs };
  const [start, end] = value.split('/');
  const startMs = Date.parse(start ?? '');
  const endMs = Date.parse(end ?? '');
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) {
    throw armError(400, 'BadRequest', `Invalid timespan '${value}'. Use 'start/end' in ISO 8601.`);
  }
  return { startMs, endMs };
}

/**
 * Azure Monitor metrics of an account, computed from the data-plane calls the simulator recorded:
 * `GET {account}/providers/Microsoft.Insights/metrics?metricnames&timespan&interval&aggregation=Total`,
 * split by deployment when `$filter` names `ModelDeploymentName`.
 */
export function registerMonitorMetricsRoutes(app: FastifyInstance, ctx: ArmContext): void {
  app.get<{ Params: AccountParams }>(`${ACCOUNT_PATH}/providers/Microsoft.Insights/metrics`, (request) => {
    const account = ctx.world.requireAccount(addressOf(request.params));
    const query = asVendorQuery(request.query);
    const names = (queryValue(query, 'metricnames') ?? 'TokenTransaction')
      .split(',')
      .map((name) => name.trim());
    const unknown = names.find((name) => METRICS[name] === undefined);
    if (unknown !== undefined) {
      throw armError(
        400,
        'BadRequest',
        `Failed to find metric configuration for provider: Microsoft.CognitiveServices, resource Type: accounts, metric: ${unknown}.`,
      );
    }
    const intervalMs = parseInterval(queryValue(query, 'interval'));
    const { startMs, endMs } = parseTimespan(queryValue(query, 'timespan'), ctx.world.clock.nowMs());
    const byDeployment = /ModelDeploymentName/i.test(queryValue(query, '$filter') ?? '');
    const accountId = accountResourceId(account.address).toLowerCase();
    const records = ctx.world.usage.filter((record) => {
      const at = Date.parse(record.at);
      return record.accountId.toLowerCase() === accountId && at >= startMs && at < endMs;
    });
    const groups = byDeployment ? [...new Set(records.map((record) => record.deployment))].sort() : [null];
    const buckets = Math.ceil((endMs - startMs) / intervalMs);
    const series = (name: string, deployment: string | null) => {
      const totals = new Array<number>(buckets).fill(0);
      for (const record of records) {
        if (deployment !== null && record.deployment !== deployment) continue;
        totals[Math.floor((Date.parse(record.at) - startMs) / intervalMs)] +=
          METRICS[name]?.valueOf(record) ?? 0;
      }
      return {
        metadatavalues:
          deployment === null
            ? []
            : [
                {
                  name: { value: 'modeldeploymentname', localizedValue: 'ModelDeploymentName' },
                  value: deployment,
                },
              ],
        data: totals.map((total, index) => ({
          timeStamp: new Date(startMs + index * intervalMs).toISOString(),
          total,
        })),
      };
    };
    return {
      cost: 0,
      timespan: `${new Date(startMs).toISOString()}/${new Date(endMs).toISOString()}`,
      interval: queryValue(query, 'interval') ?? 'PT1H',
      namespace: 'Microsoft.CognitiveServices/accounts',
      resourceregion: account.location,
      value: names.map((name) => ({
        id: `${accountResourceId(account.address)}/providers/Microsoft.Insights/metrics/${name}`,
        type: 'Microsoft.Insights/metrics',
        name: { value: name, localizedValue: METRICS[name]?.localizedValue ?? name },
        unit: 'Count',
        timeseries: groups.map((deployment) => series(name, deployment)),
        errorCode: 'Success',
      })),
    };
  });
}
