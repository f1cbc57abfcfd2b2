import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@api/common/auth/access.decorators';
import { Ctx, RequestContext } from '@api/common/request/request-context';
import { DevelopersService } from './developers.service';
import { CreateDeveloperDto, DeveloperDeactivationDto, DeveloperDto, DeveloperPageDto, ListDevelopersQueryDto, UpdateDeveloperDto } from './dto/developer.dto';

@ApiTags('developers')
@Controller('developers')
export class DevelopersController {
  constructor(private readonly developers: DevelopersService) {}

  @Post()
  @RequirePermission('developers:write')
  @ApiCreatedResponse({ type: DeveloperDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateDeveloperDto): Promise<DeveloperDto> {
    return this.developers.create(ctx, dto);
  }

  @Get()
  @RequirePermission('developers:read')
  @ApiOkResponse({ type: DeveloperPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: ListDevelopersQueryDto): Promise<DeveloperPageDto> {
    return this.developers.list(ctx, query);
  }

  @Get(':id')
  @RequirePermission('developers:read')
  @ApiOkResponse({ type: DeveloperDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<DeveloperDto> {
    return this.developers.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermission('developers:write')
  @ApiOkResponse({ type: DeveloperDto })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDeveloperDto): Promise<DeveloperDto> {
    return this.developers.update(ctx, id, dto);
  }

  @Delete(':id')
  @RequirePermission('developers:write')
  @ApiOkResponse({ type: DeveloperDeactivationDto, description: 'Deactivates the developer and revokes their keys at the vendors' })
  deactivate(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<DeveloperDeactivationDto> {
    return this.developers.deactivate(ctx, id);
  }
}
