import { Body, Controller, Get, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { badRequest } from '../common/errors';
import { CsvFileInterceptor } from './csv-file.interceptor';
import { CreateCategoryDto, CreatePublicBodyDto, PublicBodyQuery } from './dto/registry.dto';
import { PublicBodiesService } from './public-bodies.service';
import { PublicBodyErrorCode } from './public-bodies.errors';
import { FieldErrorCode } from '../common/field-error';

@ApiTags('registry')
@ApiBearerAuth()
@Controller()
export class PublicBodiesController {
  constructor(private readonly registry: PublicBodiesService) {}

  @Roles('admin')
  @Post('categories')
  createCategory(@CurrentUser() user: AuthUser, @Body() dto: CreateCategoryDto) {
    return this.registry.createCategory(user, dto);
  }

  @Get('categories')
  listCategories(@CurrentUser() user: AuthUser) {
    return this.registry.listCategories(user);
  }

  @Roles('admin')
  @Post('public-bodies')
  createBody(@CurrentUser() user: AuthUser, @Body() dto: CreatePublicBodyDto) {
    return this.registry.createBody(user, dto);
  }

  /** The CSV as a `text/csv` body, or as multipart field `file`. */
  @Roles('admin')
  @Post('public-bodies/import')
  @UseInterceptors(CsvFileInterceptor)
  import(@CurrentUser() user: AuthUser, @Req() req: Request, @UploadedFile() file?: Express.Multer.File) {
    const csv = file ? file.buffer.toString('utf8') : typeof req.body === 'string' ? req.body : null;
    if (!csv) throw badRequest(PublicBodyErrorCode.CSV_REQUIRED, 'Send the CSV as a text/csv body or as multipart field "file"', [{ field: 'file', message: 'no CSV received', code: FieldErrorCode.REQUIRED }]);
    return this.registry.importCsv(user, csv);
  }

  @Roles('admin', 'assessor', 'panelist')
  @Get('public-bodies')
  listBodies(@CurrentUser() user: AuthUser, @Query() q: PublicBodyQuery) {
    return this.registry.listBodies(user, q);
  }

  @Roles('admin', 'assessor', 'panelist')
  @Get('public-bodies/:id')
  getBody(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.registry.getBody(user.organizerId, id);
  }
}
