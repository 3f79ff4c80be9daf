import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as ToType } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @ToType(() => Number)
  @IsInt()
  @Min(1)
  page?: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @ToType(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number = 50;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, total, page: q.page ?? 1, pageSize: q.pageSize ?? 50 };
}

export function skipTake(q: PageQuery): { skip: number; take: number } {
  const pageSize = q.pageSize ?? 50;
  return { skip: ((q.page ?? 1) - 1) * pageSize, take: pageSize };
}

const pageClasses = new Map<Type<unknown>, Type<unknown>>();
const listClasses = new Map<Type<unknown>, Type<unknown>>();
const baseName = (item: Type<unknown>) => item.name.replace(/Dto$/, '');

/**
 * The response schema of a list `{items, total, page, pageSize}` of `item`, one class per item
 * type (named `<Item>PageDto` in the OpenAPI document): `@ApiOkResponse({ type: paginatedDto(UserDto) })`.
 */
export function paginatedDto<T>(item: Type<T>): Type<Page<T>> {
  let cls = pageClasses.get(item);
  if (!cls) {
    class PageOf {
      @ApiProperty({ type: item, isArray: true })
      items: T[];

      @ApiProperty({ type: 'integer', description: 'items in the whole list' })
      total: number;

      @ApiProperty({ type: 'integer', minimum: 1 })
      page: number;

      @ApiProperty({ type: 'integer', minimum: 0, maximum: 500 })
      pageSize: number;
    }
    Object.defineProperty(PageOf, 'name', { value: `${baseName(item)}PageDto` });
    pageClasses.set(item, (cls = PageOf));
  }
  return cls as Type<Page<T>>;
}

export interface Items<T> {
  items: T[];
}

/** The response schema of an unpaged list `{items}` of `item` (named `<Item>ListDto`). */
export function itemsDto<T>(item: Type<T>): Type<Items<T>> {
  let cls = listClasses.get(item);
  if (!cls) {
    class ListOf {
      @ApiProperty({ type: item, isArray: true })
      items: T[];
    }
    Object.defineProperty(ListOf, 'name', { value: `${baseName(item)}ListDto` });
    listClasses.set(item, (cls = ListOf));
  }
  return cls as Type<Items<T>>;
}
