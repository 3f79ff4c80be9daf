import { Body, Controller, Get, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { AuthUser, CurrentUser, Roles } from '../common/auth-user';
import { badRequest } from '../common/errors';
import { FieldErrorCode } from '../common/field-error';
import { ParseIdPipe } from '../common/id';
import { Page, paginatedDto } from '../common/pagination';
import { CsvFileInterceptor } from './csv-file.interceptor';
import { CategoryDto, CreateCategoryDto, CreatePublicBodyDto, ImportResultDto, PublicBodyDto, PublicBodyQuery } from './dto/registry.dto';
import { PublicBodyErrorCode } from './public-bodies.errors';
import { PublicBodiesService } from './public-bodies.service';

@ApiTags('registry')
@ApiBearerAuth()
@Controller()
export class PublicBodiesController {
  constructor(private readonly registry: PublicBodiesService) {}

  @Roles('admin')
  @ApiCreatedResponse({ type: CategoryDto })
  @Post('categories')
  createCategory(@CurrentUser() user: AuthUser, @Body() dto: CreateCategoryDto): Promise<CategoryDto> {
    return this.registry.createCategory(user, dto);
  }

  @ApiOkResponse({ type: paginatedDto(CategoryDto) })
  @Get('categories')
  listCategories(@CurrentUser() user: AuthUser): Promise<Page<CategoryDto>> {
    return this.registry.listCategories(user);
  }

  @Roles('admin')
  @ApiCreatedResponse({ type: PublicBodyDto })
  @Post('public-bodies')
  createBody(@CurrentUser() user: AuthUser, @Body() dto: CreatePublicBodyDto): Promise<PublicBodyDto> {
    return this.registry.createBody(user, dto);
  }

  /** The CSV as a `text/csv` body, or as multipart field `file`. */
  @Roles('admin')
  @ApiCreatedResponse({ type: ImportResultDto })
  @Post('public-bodies/import')
  @UseInterceptors(CsvFileInterceptor)
  import(@CurrentUser() user: AuthUser, @Req() req: Request, @UploadedFile() file?: Express.Multer.File): Promise<ImportResultDto> {
    const csv = file ? file.buffer.toString('utf8') : typeof req.body === 'string' ? req.body : null;
    if (!csv)
      throw badRequest(PublicBodyErrorCode.CSV_REQUIRED, 'Send the CSV as a text/csv body or as multipart field "file"', [
        { field: 'file', message: 'no CSV received', code: FieldErrorCode.REQUIRED },
      ]);
    return this.registry.importCsv(user, csv);
  }

  @Roles('admin', 'assessor', 'panelist')
  @ApiOkResponse({ type: paginatedDto(PublicBodyDto) })
  @Get('public-bodies')
  listBodies(@CurrentUser() user: AuthUser, @Query() q: PublicBodyQuery): Promise<Page<PublicBodyDto>> {
    return this.registry.listBodies(user, q);
  }

  @Roles('admin', 'assessor', 'panelist')
  @ApiOkResponse({ type: PublicBodyDto })
  @Get('public-bodies/:id')
  getBody(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe(PublicBodyErrorCode.NOT_FOUND, 'Public body')) id: string): Promise<PublicBodyDto> {
    return this.registry.getBody(user.organizerId, id);
  }
}
