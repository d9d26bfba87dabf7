import { Spoiler } from '@mantine/core';
import type { AuditEntry } from '@/contract/schemas';
import { describeAuditChanges, variantName, type AuditLookups, type ShownGroup, type ShownValue } from '../audit-changes';
import classes from './audit-changes.module.css';

/** Longer than this, a value (a description) shows its start and a "Show all". */
const LONG_TEXT = 240;

const STATE_WORDS: Record<ShownGroup['state'], string> = { changed: '', added: ' (added)', removed: ' (removed)' };

/** What an entry changed, in the screens' words: shared by the audit log and a record's History tab. */
export function AuditChanges({ entry, lookups }: { entry: AuditEntry; lookups?: AuditLookups }) {
  const groups = describeAuditChanges(entry, lookups);
  if (groups.length === 0) return <span className={classes.changes}>No field changed</span>;
  return (
    <div className={classes.changes}>
      {groups.map((group) => (
        <div key={group.variant ? `variant:${group.variant.sku}` : 'record'} className={classes.group}>
          {group.variant && (
            <div className={classes.variant}>
              {variantName(group.variant)}
              {STATE_WORDS[group.state]}
            </div>
          )}
          <ul className={classes.list}>
            {group.changes.map((change) => (
              <li key={change.key}>
                <span className={classes.label}>{change.label}:</span>{' '}
                {change.before && (
                  <>
                    <Value value={change.before} />
                    <span className={classes.arrow}> → </span>
                  </>
                )}
                <Value value={change.after} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** Text as text, never as markup: whatever a person typed into a field is shown exactly as typed. */
function Value({ value }: { value: ShownValue }) {
  switch (value.kind) {
    case 'none':
      return <span>—</span>;
    case 'chips':
      return (
        <ul className={classes.chips}>
          {value.items.map((item, i) => (
            <li key={`${i}:${item}`} className={classes.chip}>
              {item}
            </li>
          ))}
        </ul>
      );
    case 'text':
      return value.text.length > LONG_TEXT ? (
        <Spoiler maxHeight={44} showLabel="Show all" hideLabel="Show less" fz="sm" classNames={{ control: classes.more }}>
          {value.text}
        </Spoiler>
      ) : (
        <span>{value.text}</span>
      );
  }
}
