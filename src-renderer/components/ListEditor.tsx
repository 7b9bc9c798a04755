import { useRef, useState, type ReactNode } from 'react';
import type { Remote } from '../api/react';
import { useShortcut } from '../app/shortcuts';
import { useSubmit } from './form';
import { EmptyNote, FormFooter, Panel, RemoteView } from './ui';

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  className?: string;
}

export interface ListEditorProps<T extends { id: number }, F> {
  /** Heading of the shortcuts in the help overlay. */
  group: string;
  /** "unit", "layanan", … used in headings and messages. */
  noun: string;
  remote: Remote<T[]>;
  columns: Column<T>[];
  blank: F;
  toForm: (item: T) => F;
  /** Name shown in the "saved" note. */
  nameOf: (form: F) => string;
  save: (form: F, id: number | null) => Promise<unknown>;
  fields: (form: F, set: (patch: Partial<F>) => void, fieldError: (path: string) => string | undefined, editingId: number | null) => ReactNode;
  canEdit: boolean;
}

/**
 * A reference list with its add/edit form beside it: "Ubah" on a row (or Alt+N for a new
 * one) fills the form; Enter saves; the host's field errors appear next to the fields.
 */
export function ListEditor<T extends { id: number }, F>(props: ListEditorProps<T, F>) {
  const { remote, columns, blank, toForm, save, fields, canEdit, noun, nameOf } = props;
  const [editingId, setEditingId] = useState<number | null>(null);
  const [form, setForm] = useState<F>(blank);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmit(() => save(form, editingId), {
    savedText: `Data ${noun} “${nameOf(form)}” tersimpan.`,
    onDone: () => {
      setEditingId(null);
      setForm(blank);
      remote.reload();
    },
  });

  const focusForm = () => {
    // After React has rendered the new form values.
    setTimeout(
      () => formRef.current?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])')?.focus(),
      0,
    );
  };
  const startNew = () => {
    submit.reset();
    setEditingId(null);
    setForm(blank);
    focusForm();
  };
  const startEdit = (item: T) => {
    submit.reset();
    setEditingId(item.id);
    setForm(toForm(item));
    focusForm();
  };
  useShortcut({ keys: 'Alt+N', label: `Tambah ${noun} baru`, group: props.group, handler: startNew }, canEdit);
  useShortcut({ keys: 'Escape', label: 'Batalkan pengubahan', group: props.group, handler: startNew }, canEdit && editingId !== null);

  const set = (patch: Partial<F>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <div className="list-editor">
      <Panel title={`Daftar ${noun}`} className="list-editor-list">
        <RemoteView remote={remote} empty={(l) => (l.length === 0 ? <EmptyNote>Belum ada data {noun}.</EmptyNote> : null)}>
          {(list) => (
            <div className="table-wrap">
              <table className="table table-compact">
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th key={c.header} className={c.className}>
                        {c.header}
                      </th>
                    ))}
                    {canEdit ? (
                      <th className="col-action">
                        <span className="sr-only">Aksi</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {list.map((item) => (
                    <tr key={item.id} className={item.id === editingId ? 'row-active' : undefined}>
                      {columns.map((c) => (
                        <td key={c.header} className={c.className}>
                          {c.cell(item)}
                        </td>
                      ))}
                      {canEdit ? (
                        <td className="col-action">
                          <button type="button" className="btn btn-small" onClick={() => startEdit(item)}>
                            Ubah
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </RemoteView>
      </Panel>
      {canEdit ? (
        <Panel
          title={editingId === null ? `Tambah ${noun}` : `Ubah ${noun}`}
          className="list-editor-form"
          actions={
            editingId !== null ? (
              <button type="button" className="btn btn-small" onClick={startNew}>
                Tambah baru (Alt+N)
              </button>
            ) : null
          }
        >
          <form ref={formRef} onSubmit={submit.onSubmit} noValidate className="form-grid">
            {fields(form, set, submit.fieldError, editingId)}
            <FormFooter
              error={submit.error}
              saved={submit.saved}
              busy={submit.busy}
              submitLabel="Simpan"
              onCancel={editingId !== null ? startNew : undefined}
            />
          </form>
        </Panel>
      ) : (
        <p className="muted small">Anda hanya berhak melihat data ini.</p>
      )}
    </div>
  );
}
