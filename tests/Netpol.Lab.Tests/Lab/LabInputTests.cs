using Netpol.Cli.Tests;
using Netpol.Lab.Network;

namespace Netpol.Lab.Tests.Lab;

/// <summary>Bad input to the lab: exit 2 with a message that says what to do, and nothing left behind.</summary>
[Collection("lab")]
public sealed class LabInputTests
{
    public static TheoryData<string[], string> Cases() => new()
    {
        { ["lab", "run", "-f", "example:allow-one-app", "--external", "0.0.0.0/0"], "--external 0.0.0.0/0: 0.0.0.0 cannot be a host in the lab" },
        { ["lab", "run", "-f", "example:allow-one-app", "--external", "127.0.0.1"], "--external 127.0.0.1: 127.0.0.1 cannot be a host in the lab" },
        { ["lab", "run", "-f", "example:allow-one-app", "--timeout", "5"], "--timeout 5: give milliseconds from 10 to 60000" },
        { ["lab", "run", "-f", "example:allow-one-app", "--port", "70000"], "--port 70000: a port is a number from 1 to 65535" },
        { ["lab", "probe", "-f", "example:allow-one-app", "--port", "80"], "no lab is up for this input" },
        { ["lab", "test", "-f", "example:allow-one-app", "/no/such/spec.yaml"], "/no/such/spec.yaml" },
    };

    [LabTheory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_exit_2_with_the_reason(string[] args, string message)
    {
        CliRunner.Run("lab", "down");
        var (exit, output, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Empty(LabNetwork.Existing());
    }

    [LabFact]
    public void Cluster_network_policies_are_enforced_not_refused()
    {
        const string manifests = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: dev}
            spec: {containers: [{name: c, image: nginx}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: dev}
            spec: {containers: [{name: c, image: nginx}]}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: deny-all}
            spec:
              tier: Baseline
              priority: 1
              subject: {namespaces: {}}
              ingress: [{name: deny, action: Deny, from: [{namespaces: {}}]}]
            """;
        var (exit, output, error) = CliRunner.RunWithInput(manifests, "lab", "run", "-f", "-", "--port", "80", "-o", "json");
        Assert.True(exit == 0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("agree").GetBoolean(), output);
        var cell = json.RootElement.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("from").GetString() == "dev/a" && c.GetProperty("to").GetString() == "dev/b");
        Assert.False(cell.GetProperty("allowed").GetBoolean());
        Assert.Empty(LabNetwork.Existing());
    }
}
