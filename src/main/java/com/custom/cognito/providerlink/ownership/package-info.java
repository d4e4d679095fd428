/**
 * The one ownership rule, for every entry point: an operation treats a link (for a delete, a link's absence) as its
 * own only when its own call may have made it. {@link com.custom.cognito.providerlink.ownership.Ownership} is the
 * only class that decides it; the registry handlers keep it in their callback context, the custom-resource mode
 * shares it between the thread that calls Cognito and the one that answers at the deadline. It imports nothing of
 * this project, and anything may import it.
 *
 * <h2>States</h2>
 * <ul>
 *   <li>{@code NOT_SENT}: no attempt has left.</li>
 *   <li>{@code IN_FLIGHT}: an attempt has left and is not answered yet (never kept across invocations).</li>
 *   <li>{@code IN_DOUBT}: an attempt got no answer (a timeout, a dropped connection, a 5xx): it may have landed.</li>
 *   <li>{@code REFUSED}: Cognito refused the attempt, and no earlier attempt may have landed.</li>
 *   <li>{@code TOOK_EFFECT}: Cognito said the call took effect, or a read showed the effect while in doubt.</li>
 * </ul>
 *
 * <h2>Transitions</h2>
 * <p>Before every attempt the caller reads its target (a create: does the destination lack the identity? a delete:
 * does it still hold it?). When the read shows the wanted effect already, the operation asks whether it may
 * <em>claim</em> it; otherwise it sends, and reports how the attempt ended.
 * <ul>
 *   <li>{@code sending}: from {@code NOT_SENT}, {@code IN_DOUBT} or {@code REFUSED} to {@code IN_FLIGHT}, remembering
 *       where it came from. Refused without a change once the answer has been decided ({@code close}).</li>
 *   <li>{@code tookEffect} (Cognito answered success): {@code IN_FLIGHT} to {@code TOOK_EFFECT}.</li>
 *   <li>{@code unanswered}: {@code IN_FLIGHT} to {@code IN_DOUBT}.</li>
 *   <li>{@code neverSent} (throttled before it was processed, or stopped before it left): {@code IN_FLIGHT} back to
 *       the state it came from.</li>
 *   <li>{@code refused} (any other answer: a 4xx, whatever its text): {@code IN_FLIGHT} to {@code REFUSED}, or back to
 *       {@code IN_DOUBT} when an earlier attempt was in doubt (the refusal may be the answer to our own earlier
 *       effect: "already linked", "isn't linked").</li>
 *   <li>{@code claimsEffect} (a read shows the effect): {@code IN_DOUBT} to {@code TOOK_EFFECT} and yes;
 *       {@code TOOK_EFFECT} yes; {@code NOT_SENT} and {@code REFUSED} no, and no change: the effect was there before
 *       this operation, or another stack or process made it, or Cognito made it while answering an error ("error,
 *       yet linked"), and nothing tells these apart.</li>
 *   <li>{@code close} (custom-resource mode, at its deadline): no attempt leaves afterwards; an attempt in flight is
 *       given its own timeout to settle.</li>
 * </ul>
 * Any other event is a programming error ({@link java.lang.IllegalStateException}). A state kept as {@code IN_FLIGHT}
 * resumes as {@code IN_DOUBT}.
 *
 * <h2>What an answer may name</h2>
 * <table>
 *   <caption>By state</caption>
 *   <tr><th>State</th><th>Create's events</th><th>A failure's model</th><th>A custom resource's physical id</th></tr>
 *   <tr><td>{@code NOT_SENT}, {@code REFUSED}</td><td>the pending {@code Id}, which names no link</td><td>none</td>
 *       <td>a marker naming the request, which names no link</td></tr>
 *   <tr><td>{@code IN_FLIGHT}, {@code IN_DOUBT}, {@code TOOK_EFFECT}</td><td>the link's {@code Id}</td>
 *       <td>the model with the {@code Id}, so a rollback removes what may have been made</td><td>the link's id</td></tr>
 * </table>
 * A rollback's delete re-reads its target before unlinking, so naming a link that was never made costs nothing.
 *
 * <h2>The window that remains</h2>
 * A registry invocation that dies after its attempt reached Cognito and before it returned its event leaves no record:
 * the re-invocation starts from the last kept state and, finding the link, cannot claim it (README, "Ownership").
 */
package com.custom.cognito.providerlink.ownership;
