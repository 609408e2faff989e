import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OrgDirectory } from '../access/org-directory';
import type { PeopleDto } from './dtos/people.response.dtos';

/** The organisation from the log: as it stands, or at a business instant. */
export class ListPeopleQuery extends Query<PeopleDto> {
  constructor(readonly asOf: string | undefined) {
    super();
  }
}

@QueryHandler(ListPeopleQuery)
export class ListPeopleHandler implements IQueryHandler<ListPeopleQuery, PeopleDto> {
  constructor(private readonly org: OrgDirectory) {}

  execute({ asOf }: ListPeopleQuery): Promise<PeopleDto> {
    const { timeline } = this.org;
    const people = asOf === undefined ? timeline.current() : timeline.membersAt(asOf);
    return Promise.resolve({
      asOf: asOf === undefined ? null : new Date(asOf).toISOString(),
      people: people.map((p) => ({ ...p, orgRoles: [...p.orgRoles] })),
    });
  }
}
