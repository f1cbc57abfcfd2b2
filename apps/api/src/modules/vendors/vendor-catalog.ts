import { Injectable } from '@nestjs/common';
import { BUILT_IN_VENDORS } from '@keygate/provisioners';
import { DomainError } from '@api/common/errors/domain-error';

/** The vendor ids this server accepts: the four built-ins plus any custom vendor registered at start-up. */
@Injectable()
export class VendorCatalog {
  private readonly custom = new Set<string>();

  registerCustom(vendor: string): void {
    this.custom.add(vendor);
  }

  all(): string[] {
    return [...BUILT_IN_VENDORS, ...this.custom];
  }

  assertKnown(vendor: string): void {
    if (!this.all().includes(vendor)) {
      throw new DomainError('unknown_vendor', `Unknown vendor "${vendor}"; use one of: ${this.all().join(', ')}`, { vendors: this.all() });
    }
  }
}
