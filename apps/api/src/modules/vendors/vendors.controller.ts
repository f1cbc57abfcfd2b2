import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@api/common/auth/access.decorators';
import { Ctx, RequestContext } from '@api/common/request/request-context';
import { ConfigureVendorDto, ConnectionDto, CreateConnectionDto, UpdateConnectionDto, VendorSummaryDto } from './dto/connection.dto';
import { VendorConnectionsService } from './vendor-connections.service';

@ApiTags('vendors')
@Controller('vendors')
export class VendorsController {
  constructor(private readonly connections: VendorConnectionsService) {}

  @Get()
  @RequirePermission('vendors:read')
  @ApiOkResponse({ type: [VendorSummaryDto], description: 'Every vendor with its connections (credentials masked)' })
  summary(@Ctx() ctx: RequestContext): Promise<VendorSummaryDto[]> {
    return this.connections.summary(ctx);
  }

  @Post('configure')
  @HttpCode(200)
  @RequirePermission('vendors:write')
  @ApiOkResponse({ type: ConnectionDto, description: 'Creates or replaces the "default" connection of a vendor' })
  configure(@Ctx() ctx: RequestContext, @Body() dto: ConfigureVendorDto): Promise<ConnectionDto> {
    return this.connections.configure(ctx, dto);
  }

  @Get('connections')
  @RequirePermission('vendors:read')
  @ApiOkResponse({ type: [ConnectionDto] })
  list(@Ctx() ctx: RequestContext): Promise<ConnectionDto[]> {
    return this.connections.list(ctx);
  }

  @Post('connections')
  @RequirePermission('vendors:write')
  @ApiCreatedResponse({ type: ConnectionDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateConnectionDto): Promise<ConnectionDto> {
    return this.connections.create(ctx, dto);
  }

  @Get('connections/:id')
  @RequirePermission('vendors:read')
  @ApiOkResponse({ type: ConnectionDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ConnectionDto> {
    return this.connections.get(ctx, id);
  }

  @Patch('connections/:id')
  @RequirePermission('vendors:write')
  @ApiOkResponse({ type: ConnectionDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateConnectionDto): Promise<ConnectionDto> {
    return this.connections.update(ctx, id, dto);
  }

  @Delete('connections/:id')
  @HttpCode(204)
  @RequirePermission('vendors:write')
  @ApiNoContentResponse({ description: 'Deleted; refused with 409 while live keys depend on it' })
  remove(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.connections.remove(ctx, id);
  }
}
