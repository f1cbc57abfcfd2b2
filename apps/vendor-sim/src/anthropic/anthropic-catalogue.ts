/** Models the simulated Anthropic organization serves; prices in US cents per million tokens. */
export interface AnthropicModel {
  id: string;
  displayName: string;
  inputCentsPerMillion: number;
  outputCentsPerMillion: number;
  createdAt: string;
  /** End of life, for deprecated models. */
  retiresAt?: string;
}

export const ANTHROPIC_MODELS: readonly AnthropicModel[] = [
  {
    id: 'claude-opus-4-7',
    displayName: 'Claude Opus 4.7',
    inputCentsPerMillion: 500,
    outputCentsPerMillion: 2500,
    createdAt: '2026-04-16T00:00:00Z',
  },
  {
    id: 'claude-sonnet-4-6',
    displayName: 'Claude Sonnet 4.6',
    inputCentsPerMillion: 300,
    outputCentsPerMillion: 1500,
    createdAt: '2026-02-17T00:00:00Z',
  },
  // Deprecated (end of life 2026-11-30) but still served, as the vendor does until then.
  {
    id: 'claude-sonnet-4-5',
    displayName: 'Claude Sonnet 4.5',
    inputCentsPerMillion: 300,
    outputCentsPerMillion: 1500,
    createdAt: '2025-09-29T00:00:00Z',
    retiresAt: '2026-11-30T00:00:00Z',
  },
  {
    id: 'claude-haiku-4-5',
    displayName: 'Claude Haiku 4.5',
    inputCentsPerMillion: 100,
    outputCentsPerMillion: 500,
    createdAt: '2025-10-01T00:00:00Z',
  },
];

export function findAnthropicModel(id: string): AnthropicModel | undefined {
  return ANTHROPIC_MODELS.find((model) => model.id === id);
}
