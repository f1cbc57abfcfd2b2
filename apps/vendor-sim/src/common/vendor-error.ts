/** Vendor-specific fields an error envelope may carry besides status and message. */
export interface VendorErrorDetail {
  type?: string;
  code?: string | null;
  param?: string | null;
  headers?: Record<string, string>;
}

/** Thrown by vendor handlers; rendered by the vendor's own `errorFor` into its envelope. */
export class VendorError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail: VendorErrorDetail = {},
  ) {
    super(message);
    this.name = 'VendorError';
  }
}

export interface VendorErrorResponse {
  headers?: Record<string, string>;
  body: unknown;
}

/** Renders a vendor's error envelope. `requestId` and `detail` are optional for simple vendors. */
export type ErrorFor = (
  status: number,
  message: string,
  requestId: string,
  detail?: VendorErrorDetail,
) => VendorErrorResponse;
