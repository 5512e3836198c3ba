namespace Netpol.Lab.Tests;

/// <summary>
/// A test that needs the lab (Linux, root, ip, nft): skipped with the reason elsewhere, except in CI (CI=true), where
/// a machine that cannot run the lab is a failure, not a skip.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LabFactAttribute : FactAttribute
{
    public LabFactAttribute()
    {
        Skip = LabRequirement.SkipReason();
    }
}

/// <summary>A theory that needs the lab; see <see cref="LabFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LabTheoryAttribute : TheoryAttribute
{
    public LabTheoryAttribute()
    {
        Skip = LabRequirement.SkipReason();
    }
}

internal static class LabRequirement
{
    public static string? SkipReason()
    {
        var why = LabEnvironment.Unavailable();
        if (why is null || Environment.GetEnvironmentVariable("CI") == "true")
        {
            return null;
        }

        return $"{why}. Run the lab tests as root with nftables and iproute2 installed: sudo dotnet test tests/Netpol.Lab.Tests";
    }
}

/// <summary>The lab is one per machine (its namespaces have fixed names): its tests run one at a time.</summary>
[CollectionDefinition("lab", DisableParallelization = true)]
public sealed class LabCollection
{
}
