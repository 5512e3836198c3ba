using Netpol.Core.Model;

namespace Netpol.Manifests.Flows;

/// <summary>
/// One observed flow, or (with <see cref="Count"/>) several identical ones: traffic from <see cref="Source"/> to
/// <see cref="Destination"/> on the destination <see cref="Port"/> and <see cref="Protocol"/>. Replies and flows
/// without a TCP, UDP or SCTP port never become a Flow: the reader counts and skips them.
/// </summary>
/// <param name="Source">The end that opened the connection.</param>
/// <param name="Destination">The end it was opened to.</param>
/// <param name="Port">The destination port, 1 to 65535.</param>
/// <param name="Protocol">TCP, UDP or SCTP.</param>
public sealed record Flow(FlowEndpoint Source, FlowEndpoint Destination, int Port, Protocol Protocol)
{
    /// <summary>How many flows this record stands for (a CSV <c>count</c>; 1 for a Hubble line).</summary>
    public long Count { get; init; } = 1;

    /// <summary>When the flow was observed, if the log says.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>What the cluster did with it, as the log says (Hubble <c>verdict</c>: FORWARDED, DROPPED, AUDIT, ...).</summary>
    public string? Verdict { get; init; }

    /// <summary>The file the flow was read from (<c>&lt;stdin&gt;</c> for standard input).</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line of <see cref="File"/> the flow was read from.</summary>
    public int Line { get; init; }

    /// <summary>Where the flow was read, for messages: <c>FILE:LINE:1</c>.</summary>
    public SourceLocation? Location => File is null ? null : new SourceLocation(File, Line, 1);
}
