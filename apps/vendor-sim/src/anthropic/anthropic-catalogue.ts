/** Models the simulated Anthropic organization serves; prices in US cents per million tokens. */
export interface AnthropicModel {
  id: string;
  displayName: string;
  inputCentsPerMillion: number;
  outputCentsPerMillion: number;
}

export const ANTHROPIC_MODELS: readonly AnthropicModel[] = [
  {
    id: 'claude-opus-4-7',
    displayName: 'Claude Opus 4.7',
    inputCentsPerMillion: 500,
    outputCentsPerMillion: 2500,
  },
  {
    id: 'claude-sonnet-4-6',
    displayName: 'Claude Sonnet 4.6',
    inputCentsPerMillion: 300,
    outputCentsPerMillion: 1500,
  },
  // Deprecated (end of life 2026-11-30) but still served, as the vendor does until then.
  {
    id: 'claude-sonnet-4-5',
    displayName: 'Claude Sonnet 4.5',
    inputCentsPerMillion: 300,
    outputCentsPerMillion: 1500,
  },
  {
    id: 'claude-haiku-4-5',
    displayName: 'Claude Haiku 4.5',
    inputCentsPerMillion: 100,
    outputCentsPerMillion: 500,
  },
];

export function findAnthropicModel(id: string): AnthropicModel | undefined {
  return ANTHROPIC_MODELS.find((model) => model.id === id);
}
