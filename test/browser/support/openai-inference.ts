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

/** Retries a status probe for a few seconds: revocation after a rotation may finish just after the response. */
export async function expectEventually(
  probe: () => Promise<number>,
  expected: number,
  timeoutMs = 8_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await probe();
  }
  expect(last).toBe(expected);
}
