export const vendorNames: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  azure_openai: 'Azure OpenAI',
  google_vertex: 'Google Vertex AI',
};

export function vendorName(vendor: string): string {
  return vendorNames[vendor] ?? vendor;
}

export const vendorOptions = Object.entries(vendorNames).map(([value, label]) => ({ value, label }));
