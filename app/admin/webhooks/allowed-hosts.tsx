"use client";

import { useAction } from "@/components/forms/use-action";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { hostEntryPorts } from "@/lib/security/host-entry";
import { allowHostAction, removeHostAction } from "./actions";

export function AllowedHosts({ hosts }: { hosts: { id: string; host: string; note: string }[] }) {
  const { shown, onSubmit, pending, formRef, fieldErrors: errors } = useActionForm(allowHostAction, { resetOnSuccess: true });
  const remove = useAction(removeHostAction);
  return (
    <section className="card" aria-labelledby="allowed-hosts-heading">
      <h2 id="allowed-hosts-heading">Hosts on private networks</h2>
      <p className="muted">
        Outgoing requests (webhooks, polled wire feeds and wire photos) never reach loopback, private, link-local or other internal
        addresses, so that nobody can use Dateline to probe the newsroom’s network. Allow a host here only to reach one of your own internal
        systems on purpose, and only at the ports it listens on. Archived copies of sources never reach such a host, allowed here or not,
        unless the server’s operator lists it (DATELINE_SOURCE_PRIVATE_HOSTS): a writer chooses a source’s address, and its copy is public.
      </p>
      <ul>
        {hosts.length === 0 ? <li>None allowed.</li> : null}
        {hosts.map((h) => (
          <li key={h.id}>
            <code>{h.host}</code> <span className="muted">({hostEntryPorts(h.host)})</span>{" "}
            {h.note ? <span className="muted">— {h.note}</span> : null}{" "}
            <button type="button" className="button secondary" disabled={remove.pending} onClick={() => void remove.run({ id: h.id })}>
              Remove <span className="visually-hidden">{h.host}</span>
            </button>
          </li>
        ))}
      </ul>
      {remove.error ? <FormMessage>{remove.error}</FormMessage> : null}
      {shown && !shown.ok ? <FormMessage>{shown.error}</FormMessage> : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <TextField
          name="host"
          label="Host"
          hint="A host name or IP address, without http://. It is reached at ports 80 and 443; for another port add it (hooks.internal:8080, [fd00::1]:8080), or :* for every port."
          autoComplete="off"
          errors={errors?.host}
          required
        />
        <TextField name="note" label="Why (optional)" autoComplete="off" errors={errors?.note} />
        <SubmitButton pending={pending} pendingLabel="Allowing…">
          Allow host
        </SubmitButton>
      </form>
    </section>
  );
}
