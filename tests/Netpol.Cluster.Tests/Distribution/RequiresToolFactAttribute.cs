namespace Netpol.LiveCluster.Tests.Distribution;

/// <summary>A fact that runs only where a program is on PATH (kubectl, zsh), and says so when it is skipped.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool)
    {
        Tool = tool;
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a POSIX shell";
        }
        else if (ExternalTool.Find(tool) is null)
        {
            Skip = $"{tool} is not on PATH";
        }
    }

    public string Tool { get; }
}
