/**
 * Lifetimes a client tracks itself (signed assertions, access tokens) run on wall-clock time: clients
 * cannot see the simulator clock, so advancing it must not strand their cached tokens. Lifetimes the
 * vendor alone decides (IAM conditions, usage timestamps) follow the simulator clock.
 */
export const credentialNowMs = (): number => Date.now();

export const credentialNowSeconds = (): number => Math.floor(credentialNowMs() / 1000);
