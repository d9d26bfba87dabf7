import { Badge, CloseButton, Group, Select, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { AUDIT_ENTITY_TYPES } from '@/contract/constants';
import { DataTable } from '@/components/data-table/data-table';
import { PageHeader } from '@/components/page-header';
import { SavedViews } from '@/components/saved-views/saved-views';
import { auditQueries } from '../api/audit-queries';
import { auditSearchToQuery, type AuditSearch } from '../search';
import { auditColumns, ENTITY_LABELS } from './audit-columns';
import { useAuditLookups } from '../api/audit-lookups';
import { FilterBar } from '@/components/filter-bar/filter-bar';

const route = getRouteApi('/audit');

export function AuditPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useQuery({ ...auditQueries.list(auditSearchToQuery(search)), placeholderData: keepPreviousData });
  const staff = useQuery(referenceQueries.staff());
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  const setFilter = (changes: Partial<AuditSearch>) => void navigate({ search: (prev) => ({ ...prev, ...changes, page: 1 }) });
  const lookupsOf = useAuditLookups(list.data?.items);
  // New columns when a lookup arrives (a variant's options, a location's name): the table's rows render again only then.
  const oneRecord = search.entityId !== undefined;
  const columns = useMemo(
    () =>
      auditColumns({
        lookupsOf,
        onOnlyRecord: oneRecord
          ? undefined
          : (entry) => void navigate({ search: (prev) => ({ ...prev, entityId: entry.entityId, page: 1 }) }),
      }),
    [lookupsOf, navigate, oneRecord],
  );
  const recordLabel = search.entityId ? list.data?.items.find((e) => e.entityId === search.entityId)?.entityLabel : undefined;

  return (
    <>
      <PageHeader title="Audit log" description="Every change made through the API: who, when, and the values before and after" />
      <SavedViews list="audit" path="/audit" label="the audit log" />
      <FilterBar active={[search.actorId, search.entityType, search.from, search.to].filter((v) => v !== undefined).length}>
        <Select
          label="Person"
          placeholder="Anyone"
          clearable
          data={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={search.actorId ?? null}
          onChange={(v) => setFilter({ actorId: v ?? undefined })}
        />
        <Select
          label="Kind of record"
          placeholder="Any"
          clearable
          data={AUDIT_ENTITY_TYPES.map((t) => ({ value: t, label: ENTITY_LABELS[t] }))}
          value={search.entityType ?? null}
          onChange={(v) => setFilter({ entityType: (v as AuditSearch['entityType']) ?? undefined })}
        />
        <TextInput
          label="From"
          type="date"
          value={search.from ?? ''}
          onChange={(e) => setFilter({ from: e.currentTarget.value || undefined })}
        />
        <TextInput label="To" type="date" value={search.to ?? ''} onChange={(e) => setFilter({ to: e.currentTarget.value || undefined })} />
      </FilterBar>
      {search.entityId && (
        <Group gap={4} mb="sm">
          <Badge variant="light" size="lg" tt="none">
            Only {recordLabel ?? 'one record'}
          </Badge>
          <CloseButton size="sm" aria-label="Show every record" onClick={() => setFilter({ entityId: undefined })} />
        </Group>
      )}
      <DataTable
        label="Audit log"
        columns={columns}
        query={list}
        getRowId={(e) => e.id}
        view={{ page: search.page, pageSize: search.pageSize, sort: search.sort }}
        onViewChange={(view) => void navigate({ search: (prev) => ({ ...prev, ...view }) })}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        empty={
          <Text c="dimmed" ta="center" py="xl">
            No changes match these filters.
          </Text>
        }
      />
    </>
  );
}
