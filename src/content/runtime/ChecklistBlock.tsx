import { useWorkbook } from '../../store/store';
import type { ChecklistBlock as Block } from '../types';

/**
 * A task list from a lesson, tickable: each tick is saved with the learner's progress (and in
 * the export). The item's HTML was compiled and sanitised at build time.
 */
export function ChecklistBlock({ block }: { block: Block }) {
  const checklist = useWorkbook((s) => s.checklist);
  const setTicked = useWorkbook((s) => s.setTicked);
  const done = block.items.filter((i) => `${block.key}/${i.id}` in checklist).length;
  return (
    <div className="checklist">
      <ul className="contains-task-list">
        {block.items.map((item) => {
          const key = `${block.key}/${item.id}`;
          return (
            <li key={item.id} className="task-list-item">
              <label>
                <input
                  type="checkbox"
                  checked={key in checklist}
                  onChange={(e) => setTicked(key, e.target.checked)}
                />{' '}
                <span dangerouslySetInnerHTML={{ __html: item.html }} />
              </label>
            </li>
          );
        })}
      </ul>
      <p className="field-help" aria-live="polite">
        {done} of {block.items.length} ticked; saved with your progress.
      </p>
    </div>
  );
}
