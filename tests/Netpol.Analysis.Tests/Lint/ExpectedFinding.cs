namespace Netpol.Analysis.Tests.Lint;

/// <summary>
/// What a rule must report: the object and field path of one finding, the key facts its message states (not the whole
/// text), what its fix contains, and how many findings the rule makes in all.
/// </summary>
/// <param name="Object">The object, e.g. <c>NetworkPolicy shop/web</c>.</param>
/// <param name="Path">The field path, empty for the object as a whole.</param>
/// <param name="Mentions">Facts the message must state.</param>
/// <param name="Fix">Texts the fix must contain (e.g. the corrected selector).</param>
/// <param name="Count">How many findings the rule makes in all.</param>
/// <param name="NotMentioned">Texts the message must not contain.</param>
/// <param name="Severity">The finding's severity when it is not the rule's default (a note the rule makes at info level).</param>
public sealed record ExpectedFinding(string Object, string Path, string[] Mentions, string[]? Fix = null, int Count = 1, string[]? NotMentioned = null, Netpol.Core.Diagnostics.Severity? Severity = null);
