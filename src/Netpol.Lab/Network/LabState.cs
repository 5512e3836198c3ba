using System.Diagnostics;
using System.Globalization;

namespace Netpol.Lab.Network;

/// <summary>
/// What <c>lab up</c> leaves for <c>lab probe</c> and <c>lab down</c>: the plan's fingerprint and the process that
/// serves the listeners, in <c>/run/netpol-lab</c>.
/// </summary>
public static class LabState
{
    /// <summary>The state folder.</summary>
    public const string Directory = "/run/netpol-lab";

    private static string FingerprintFile => Path.Combine(Directory, "fingerprint");

    private static string PidFile => Path.Combine(Directory, "listeners.pid");

    /// <summary>The folder the listener process marks itself ready in.</summary>
    public static string ReadyFile => Path.Combine(Directory, "ready");

    /// <summary>Records the plan a lab was set up from.</summary>
    public static void SaveFingerprint(string fingerprint)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(FingerprintFile, fingerprint);
    }

    /// <summary>The fingerprint of the lab that is up, or null.</summary>
    public static string? Fingerprint() => File.Exists(FingerprintFile) ? File.ReadAllText(FingerprintFile).Trim() : null;

    private static string HostsFile => Path.Combine(Directory, "hosts");

    /// <summary>The log of the listener process.</summary>
    public static string LogFile => Path.Combine(Directory, "listeners.log");

    /// <summary>Records what the listener process must open: per host its namespace, addresses and ports.</summary>
    public static void SaveHosts(IEnumerable<LabHost> hosts)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllLines(HostsFile, hosts.Select(h => $"{h.Netns} {string.Join(",", h.Addresses)} {string.Join(",", h.Listen)}"));
    }

    /// <summary>The hosts recorded by <see cref="SaveHosts"/>, enough to open their listeners.</summary>
    public static IReadOnlyList<LabHost> LoadHosts()
    {
        if (!File.Exists(HostsFile))
        {
            throw new Netpol.Core.NetpolException("no lab is up: run 'netpol lab up -f ...' first");
        }

        var hosts = new List<LabHost>();
        foreach (var line in File.ReadAllLines(HostsFile).Where(l => l.Length > 0))
        {
            var parts = line.Split(' ');
            var addresses = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(System.Net.IPAddress.Parse).ToList();
            var listen = parts.Length < 3 ? [] : parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseProbe).ToList();
            hosts.Add(new LabHost(parts[0], parts[0], string.Empty, string.Empty, addresses, listen, [], null));
        }

        return hosts;
    }

    private static Netpol.Core.Engine.Probe ParseProbe(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return new Netpol.Core.Engine.Probe(int.Parse(text[..slash], CultureInfo.InvariantCulture), Enum.Parse<Netpol.Core.Model.Protocol>(text[(slash + 1)..]));
    }

    /// <summary>Records the listener process.</summary>
    public static void SaveListener(int pid)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(PidFile, pid.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Stops the listener process (if any) and forgets the lab.</summary>
    public static void Clear()
    {
        if (File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (IsListener(pid))
                {
                    process.Kill();
                    process.WaitForExit(5000);
                }
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    /// <summary>True when the process is a netpol lab listener (its command line has <c>lab serve</c>).</summary>
    private static bool IsListener(int pid)
    {
        try
        {
            var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return args.Contains("serve") && args.Contains("lab");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
