using System.Text.Json;

namespace Netpol.Cli.Tests.Commands;

/// <summary>Exit codes, output shapes and error lines that scripts rely on.</summary>
public sealed class CommandContractTests
{
    private const string Invalid = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {}
          ingress:
          - ports:
            - port: 8080
              endPort: 80
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: shop}
        spec:
          podSelector: {}
          ingress:
          - from:
            - {}
        """;

    [Fact]
    public void Check_exits_0_when_allowed_and_1_when_denied()
    {
        var allowed = CliRunner.Run("check", "-f", "example:three-tier-app", "--from", "webshop/deploy/backend", "--to", "webshop/sts/database", "--port", "5432");
        var denied = CliRunner.Run("check", "-f", "example:three-tier-app", "--from", "webshop/deploy/frontend", "--to", "webshop/sts/database", "--port", "5432");

        Assert.Equal(0, allowed.Exit);
        Assert.StartsWith("ALLOWED: webshop/deploy/backend -> webshop/sts/database on 5432/TCP", allowed.Out, StringComparison.Ordinal);
        Assert.Contains("allowed by policy webshop/backend-traffic egress[0] to[0] ports[0]", allowed.Out, StringComparison.Ordinal);
        Assert.Equal(1, denied.Exit);
        Assert.StartsWith("DENIED:", denied.Out, StringComparison.Ordinal);
        Assert.Contains("near miss: database-ingress ingress[0]", denied.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_json_gives_the_verdict_and_both_directions_as_data()
    {
        var (exit, output, _) = CliRunner.Run("check", "-f", "example:three-tier-app", "--from", "webshop/deploy/frontend", "--to", "webshop/sts/database", "--port", "5432", "-o", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var pair = json.RootElement.GetProperty("pairs")[0];
        Assert.False(json.RootElement.GetProperty("allowed").GetBoolean());
        Assert.True(pair.GetProperty("egress").GetProperty("isolated").GetBoolean());
        Assert.False(pair.GetProperty("ingress").GetProperty("allowed").GetBoolean());
        Assert.NotEqual(0, pair.GetProperty("suggestions").GetArrayLength());
    }

    [Fact]
    public void Unknown_endpoint_exits_2_with_a_suggestion_and_no_stack_trace()
    {
        var (exit, output, error) = CliRunner.Run("check", "-f", "example:three-tier-app", "--from", "webshop/deploy/frontnd", "--to", "webshop/sts/database", "--port", "5432");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("did you mean webshop/deploy/frontend?", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_every_error_of_the_run_with_position_and_exits_2()
    {
        var (exit, output, error) = CliRunner.RunWithInput(Invalid, "validate", "-f", "-");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("<stdin>:9:16: NetworkPolicy shop/web: spec.ingress[0].ports[0].endPort: must be greater than or equal to `port`", lines[0]);
        Assert.Equal("<stdin>:18:7: NetworkPolicy shop/db: spec.ingress[0].from[0]: must specify a peer", lines[1]);
        Assert.Equal("2 errors: nothing was analysed", lines[^1]);
    }

    [Fact]
    public void Matrix_prints_nothing_from_invalid_input()
    {
        var (exit, output, _) = CliRunner.RunWithInput(Invalid, "matrix", "-f", "-", "-o", "json");

        Assert.Equal(2, exit);
        Assert.Empty(output);
    }

    [Fact]
    public void Validate_exits_0_on_valid_input()
    {
        var (exit, output, _) = CliRunner.Run("validate", "-f", "example:ecommerce-microservices");

        Assert.Equal(0, exit);
        Assert.StartsWith("valid:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("matrix").Exit);
        Assert.Equal(2, CliRunner.Run("matrix", "-f", "example:three-tier-app", "-o", "yaml").Exit);
        Assert.Equal(2, CliRunner.Run("check", "-f", "example:three-tier-app", "--from", "a/b", "--to", "c/d", "--port", "99999").Exit);
        Assert.Equal(2, CliRunner.Run("validate", "-f", "example:no-such-example").Exit);
    }

    [Fact]
    public void Matrix_without_ports_lists_allowed_ports_per_cell()
    {
        var (exit, output, _) = CliRunner.Run("matrix", "-f", "example:three-tier-app", "-o", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var cell = json.RootElement.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("from").GetString() == "webshop/deploy/backend" && c.GetProperty("to").GetString() == "webshop/sts/database");
        Assert.True(cell.GetProperty("allowed").GetBoolean());
        Assert.Equal("5432/TCP", string.Join(",", cell.GetProperty("ports").EnumerateArray().Select(p => p.GetString())));
    }

    [Fact]
    public void Summary_is_identical_for_both_engines()
    {
        var fast = CliRunner.Run("matrix", "-f", "example:ecommerce-microservices", "-o", "summary", "--port", "8080", "--port", "53/UDP");
        var reference = CliRunner.Run("matrix", "-f", "example:ecommerce-microservices", "-o", "summary", "--port", "8080", "--port", "53/UDP", "--engine", "reference");

        Assert.Equal(0, fast.Exit);
        Assert.Equal(fast.Out, reference.Out);
        Assert.Contains("allowed pod pairs on 53/UDP:", fast.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_identical_run_to_run()
    {
        var a = CliRunner.Run("matrix", "-f", "example:ecommerce-microservices", "-o", "csv");
        var b = CliRunner.Run("matrix", "-f", "example:ecommerce-microservices", "-o", "csv");

        Assert.Equal(a.Out, b.Out);
    }
}
