import type { Product, ProductInput } from '@/contract/schemas';
import { EditConflictDialog } from '@/components/edit-conflict-dialog';
import { conflictDifferences } from '../product-input';
import { productToInput } from '@/contract/product-input';

type ConflictDialogProps = {
  base: ProductInput;
  mine: ProductInput;
  theirs: Product;
  onReload: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
};

/** Someone saved this product after it was opened: show what they changed beside what you changed, and let the person choose. */
export function ConflictDialog({ base, mine, theirs, ...choices }: ConflictDialogProps) {
  const rows = conflictDifferences(base, mine, productToInput(theirs)).map((r) => ({ ...r, key: r.field }));
  return (
    <EditConflictDialog
      noun="product"
      savedAt={theirs.updatedAt}
      rows={rows}
      nothingChanged="Their save changed nothing you can edit here (for example, only stock). Keeping yours loses nothing of theirs."
      {...choices}
    />
  );
}
