import type { paths } from './generated/schema';

type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type Responses<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { responses: infer R } ? R : never;
type SuccessStatus = 200 | 201 | 202;
type JsonContent<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of a path's successful response, e.g. ResponseBody<'/api/v1/keys', 'get'>. */
export type ResponseBody<P extends keyof paths, M extends keyof paths[P]> = JsonContent<
  Responses<P, M>[SuccessStatus & keyof Responses<P, M>]
>;

/** The JSON request body a path accepts. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

/** The query parameters a path accepts. */
export type QueryParams<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
