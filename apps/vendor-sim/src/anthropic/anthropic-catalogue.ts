/** Models the simulated Anthropic organization serves; prices in US cents per million tokens. */
export interface AnthropicModel {
  id: string;
  displayName: string;
  inputCentsPerMillion: number;
  outputCentsPerMillion: number;
}

export const ANTHROPIC_MODELS: readonly AnthropicModel[] = [
  {
    id: 'claude-opus-4-1',
    displayName: 'Claude Opus 4.1',
    inputCentsPerMillion: 1500,
    outputCentsPerMillion: 7500,
  },
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
