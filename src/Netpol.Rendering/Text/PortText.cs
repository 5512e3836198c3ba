using Netpol.Core.Model;

namespace Netpol.Rendering.Text;

/// <summary>
/// Port sets as the diff outputs write them: <c>all</c>, or one entry per range such as <c>8080/TCP</c>,
/// <c>30000-32767/TCP</c> or <c>1-65535/UDP</c> (every port of a protocol is written as a range, never <c>*</c>).
/// </summary>
internal static class PortText
{
    /// <summary>The entries of a set, for JSON: <c>["all"]</c> or its ranges in order.</summary>
    public static IReadOnlyList<string> Entries(PortSet ports) =>
        ports.IsAll ? ["all"] : ports.Ranges.Select(Range).ToList();

    /// <summary>
    /// One line for people: the ranges joined by commas, or <c>all except ...</c> when naming what is missing is
    /// shorter (a default deny that keeps one port).
    /// </summary>
    public static string Line(PortSet ports)
    {
        if (ports.IsAll)
        {
            return "all";
        }

        var missing = PortSet.All.Except(ports);
        return missing.Ranges.Count < ports.Ranges.Count
            ? "all except " + string.Join(", ", missing.Ranges.Select(Range))
            : string.Join(", ", ports.Ranges.Select(Range));
    }

    private static string Range(PortRange r) => r.Start == r.End ? $"{r.Start}/{r.Protocol}" : $"{r.Start}-{r.End}/{r.Protocol}";
}
