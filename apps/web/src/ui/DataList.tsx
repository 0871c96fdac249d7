import type { ReactNode } from 'react';

export interface DataListItem {
  key: string;
  label: ReactNode;
  value: ReactNode;
}

/** Key–value pairs as a description list (`utrecht-data-list`). */
export function DataList({ items }: { items: DataListItem[] }) {
  return (
    <dl className="utrecht-data-list vd-data-list">
      {items.map((item) => (
        <div key={item.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{item.label}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
