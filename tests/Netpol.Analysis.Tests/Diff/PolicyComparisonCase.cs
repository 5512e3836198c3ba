namespace Netpol.Analysis.Tests.Diff;

/// <summary>Two specs of policy shop/p and the spec fields whose meaning differs (none: the same policy).</summary>
public sealed record PolicyComparisonCase(string Name, string Before, string After, string[] Fields)
{
    public override string ToString() => Name;
}
