import { Module } from '@nestjs/common';
import { UsersRepository } from '@api/modules/users/users.repository';
import { OrganizationsService } from './organizations.service';

@Module({ providers: [OrganizationsService, UsersRepository], exports: [OrganizationsService] })
export class OrganizationsModule {}
