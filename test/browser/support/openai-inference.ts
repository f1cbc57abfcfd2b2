/** Calls the simulated OpenAI data plane with an issued key, as the developer's application would. */
export async function callOpenAi(openaiBaseUrl: string, apiKey: string): Promise<number> {
  const response = await fetch(`${openaiBaseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }] }),
  });
  await response.arrayBuffer();
  return response.status;
}
