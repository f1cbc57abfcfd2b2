import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, notFound } from '@api/common/errors/domain-error';
import { RequestContext } from '@api/common/request/request-context';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { AuditOrigin, originOf, systemOrigin } from '@api/modules/audit/audit-event.input';
import { assertValidSettings } from './connection-settings';
import { toConnectionDto } from './connection.mapper';
import { ConfigureVendorDto, ConnectionDto, CreateConnectionDto, UpdateConnectionDto, VendorSummaryDto } from './dto/connection.dto';
import { VendorCatalog } from './vendor-catalog';
import { VendorConnectionsRepository } from './vendor-connections.repository';
import { VendorCredentials } from './vendor-credentials';
import { ConnectionUsage } from './connection-usage';

@Injectable()
export class VendorConnectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connections: VendorConnectionsRepository,
    private readonly credentials: VendorCredentials,
    private readonly catalog: VendorCatalog,
    private readonly audit: AuditWriter,
    private readonly usage: ConnectionUsage,
  ) {}

  async summary(ctx: RequestContext): Promise<VendorSummaryDto[]> {
    const all = await this.connections.list(ctx.organizationId);
    return this.catalog.all().map((vendor) => {
      const connections = all.filter((c) => c.vendor === vendor).map(toConnectionDto);
      return { vendor, configured: connections.length > 0, connections };
    });
  }

  async list(ctx: RequestContext): Promise<ConnectionDto[]> {
    return (await this.connections.list(ctx.organizationId)).map(toConnectionDto);
  }

  async get(ctx: RequestContext, id: string): Promise<ConnectionDto> {
    const connection = await this.connections.findById(ctx.organizationId, id);
    if (!connection) throw notFound('connection_not_found', 'Vendor connection', id);
    return toConnectionDto(connection);
  }

  /** KeyGate's original shape: one "default" connection per vendor, created or replaced. */
  async configure(ctx: RequestContext, dto: ConfigureVendorDto): Promise<ConnectionDto> {
    this.catalog.assertKnown(dto.vendor);
    const settings = { ...(dto.extra_config ?? {}), ...(dto.org_id ? { org_id: dto.org_id } : {}) };
    assertValidSettings(dto.vendor, settings, 'extra_config');
    return this.dataSource.transaction(async (m) => {
      const existing = await this.connections.findByLabelLocked(m, ctx.organizationId, dto.vendor, 'default');
      if (existing) return this.applyUpdate(m, ctx.organizationId, originOf(ctx), existing.id, { admin_api_key: dto.admin_api_key, settings });
      return this.insert(m, ctx.organizationId, originOf(ctx), { vendor: dto.vendor, label: 'default', admin_api_key: dto.admin_api_key, settings });
    });
  }

  async create(ctx: RequestContext, dto: CreateConnectionDto): Promise<ConnectionDto> {
    this.catalog.assertKnown(dto.vendor);
    assertValidSettings(dto.vendor, dto.settings);
    return this.dataSource.transaction((m) => this.insert(m, ctx.organizationId, originOf(ctx), dto));
  }

  /**
   * Sandbox mode only: connects an organization to the local vendor simulator, and on later starts refreshes the
   * connection when the simulator's credentials or settings changed (it is a new simulator process each time).
   */
  async ensureSandboxConnection(organizationId: string, dto: CreateConnectionDto): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const origin = systemOrigin(organizationId, 'sandbox');
      const existing = await this.connections.findByLabelLocked(m, organizationId, dto.vendor, dto.label);
      if (!existing) {
        await this.insert(m, organizationId, origin, dto);
        return;
      }
      const unchanged =
        this.credentials.open(existing.id, existing.credentialSealed) === dto.admin_api_key &&
        JSON.stringify(existing.settings) === JSON.stringify(dto.settings ?? {});
      if (!unchanged) await this.applyUpdate(m, organizationId, origin, existing.id, { admin_api_key: dto.admin_api_key, settings: dto.settings ?? {} });
    });
  }

  update(ctx: RequestContext, id: string, dto: UpdateConnectionDto): Promise<ConnectionDto> {
    return this.dataSource.transaction((m) => this.applyUpdate(m, ctx.organizationId, originOf(ctx), id, dto));
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const connection = await this.connections.findByIdLocked(m, ctx.organizationId, id);
      if (!connection) throw notFound('connection_not_found', 'Vendor connection', id);
      const live = await this.usage.liveKeyCount(m, ctx.organizationId, id);
      if (live > 0) throw new DomainError('connection_in_use', `${live} key(s) issued through this connection are still live; revoke them first`, { live_keys: live });
      await this.connections.delete(m, ctx.organizationId, id);
      await this.audit.append(m, originOf(ctx), { action: 'vendor_connection.deleted', target: { type: 'vendor_connection', id }, details: { vendor: connection.vendor, label: connection.label } });
    });
  }

  private async insert(m: EntityManager, organizationId: string, origin: AuditOrigin, dto: CreateConnectionDto): Promise<ConnectionDto> {
    if (await this.connections.findByLabelLocked(m, organizationId, dto.vendor, dto.label)) {
      throw new DomainError('connection_label_taken', `A ${dto.vendor} connection labelled "${dto.label}" already exists`);
    }
    const id = randomUUID();
    const { sealed, hint } = this.credentials.seal(id, dto.admin_api_key);
    const connection = await this.connections.save(
      m,
      this.connections.create({ id, organizationId, vendor: dto.vendor, label: dto.label, credentialSealed: sealed, credentialHint: hint, settings: dto.settings ?? {} }),
    );
    await this.audit.append(m, origin, {
      action: 'vendor_connection.created',
      target: { type: 'vendor_connection', id },
      details: { vendor: dto.vendor, label: dto.label, credential_hint: hint, settings: Object.keys(connection.settings) },
    });
    return toConnectionDto(connection);
  }

  private async applyUpdate(m: EntityManager, organizationId: string, origin: AuditOrigin, id: string, dto: UpdateConnectionDto): Promise<ConnectionDto> {
    const connection = await this.connections.findByIdLocked(m, organizationId, id);
    if (!connection) throw notFound('connection_not_found', 'Vendor connection', id);
    const changed: string[] = [];
    if (dto.label !== undefined && dto.label !== connection.label) {
      const clash = await this.connections.findByLabelLocked(m, organizationId, connection.vendor, dto.label);
      if (clash && clash.id !== id) throw new DomainError('connection_label_taken', `A ${connection.vendor} connection labelled "${dto.label}" already exists`);
      connection.label = dto.label;
      changed.push('label');
    }
    if (dto.admin_api_key !== undefined) {
      const { sealed, hint } = this.credentials.seal(id, dto.admin_api_key);
      connection.credentialSealed = sealed;
      connection.credentialHint = hint;
      connection.checkStatus = 'unchecked';
      connection.checkDetail = null;
      connection.checkedAt = null;
      changed.push('credential');
    }
    if (dto.settings !== undefined) {
      assertValidSettings(connection.vendor, dto.settings);
      connection.settings = dto.settings;
      changed.push('settings');
    }
    if (changed.length === 0) return toConnectionDto(connection);
    await this.connections.save(m, connection);
    await this.audit.append(m, origin, {
      action: 'vendor_connection.updated',
      target: { type: 'vendor_connection', id },
      details: { vendor: connection.vendor, label: connection.label, changed, credential_hint: connection.credentialHint },
    });
    return toConnectionDto(connection);
  }
}
