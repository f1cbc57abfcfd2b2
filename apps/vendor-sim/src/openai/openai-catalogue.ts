/** The models the simulated OpenAI organization serves, their prices and default per-project limits. */
export interface OpenAiModel {
  id: string;
  created: number;
  /** US cents per one million tokens. */
  inputCentsPerMillion: number;
  outputCentsPerMillion: number;
  defaultRequestsPerMinute: number;
  defaultTokensPerMinute: number;
}

export const OPENAI_MODELS: readonly OpenAiModel[] = [
  {
    id: 'gpt-4o',
    created: 1715367049,
    inputCentsPerMillion: 250,
    outputCentsPerMillion: 1000,
    defaultRequestsPerMinute: 5000,
    defaultTokensPerMinute: 800000,
  },
  {
    id: 'gpt-4o-mini',
    created: 1721172741,
    inputCentsPerMillion: 15,
    outputCentsPerMillion: 60,
    defaultRequestsPerMinute: 5000,
    defaultTokensPerMinute: 4000000,
  },
  {
    id: 'gpt-4.1',
    created: 1744316542,
    inputCentsPerMillion: 200,
    outputCentsPerMillion: 800,
    defaultRequestsPerMinute: 5000,
    defaultTokensPerMinute: 800000,
  },
  {
    id: 'gpt-4.1-mini',
    created: 1744318173,
    inputCentsPerMillion: 40,
    outputCentsPerMillion: 160,
    defaultRequestsPerMinute: 5000,
    defaultTokensPerMinute: 4000000,
  },
  {
    id: 'o3-mini',
    created: 1737146383,
    inputCentsPerMillion: 110,
    outputCentsPerMillion: 440,
    defaultRequestsPerMinute: 5000,
    defaultTokensPerMinute: 4000000,
  },
];

export function findOpenAiModel(id: string): OpenAiModel | undefined {
  return OPENAI_MODELS.find((model) => model.id === id);
}

export function costInCents(model: OpenAiModel, inputTokens: number, outputTokens: number): number {
  return (inputTokens * model.inputCentsPerMillion + outputTokens * model.outputCentsPerMillion) / 1_000_000;
}
