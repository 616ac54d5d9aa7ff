import { View } from '@tarojs/components';
import type { Category } from '../../domain/case/api';
import { CaseChoice } from '../../components/case-choice';
import { topOf } from './category-top';

interface CategoryPickerProps {
  categories: readonly Category[];
  /** A leaf id, or a top-level id when that category has no children. */
  value: string;
  onChange: (categoryId: string) => void;
  error?: string;
}

export { topOf };

/** Two steps, both as big tiles: first the kind of problem, then (if it has any) the exact one. */
export function CategoryPicker({ categories, value, onChange, error }: CategoryPickerProps) {
  const top = topOf(categories, value);
  const topError = top ? undefined : error;
  return (
    <View>
      <CaseChoice
        label='1. 是哪一类问题？'
        options={categories.map((c) => ({ value: c.id, label: c.label }))}
        value={top?.id}
        onChange={(id) => onChange(id)}
        error={topError}
      />
      {top && top.children.length > 0 && (
        <CaseChoice
          label={`2. ${top.label}里的哪一种？`}
          options={top.children.map((c) => ({ value: c.id, label: c.label }))}
          value={top.children.some((k) => k.id === value) ? value : undefined}
          onChange={onChange}
          error={error}
        />
      )}
    </View>
  );
}
