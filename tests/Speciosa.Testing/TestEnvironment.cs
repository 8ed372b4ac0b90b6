using Xunit;

namespace Speciosa.Testing;

/// <summary>The skip-or-fail rule: without PostgreSQL or Chromium a test skips with its reason, unless
/// CI set SPECIOSA_REQUIRE_POSTGRES=1 / SPECIOSA_REQUIRE_BROWSER=1, which turns the skip into a failure.</summary>
public static class TestEnvironment
{
    public static bool RequirePostgres => Environment.GetEnvironmentVariable("SPECIOSA_REQUIRE_POSTGRES") == "1";
    public static bool RequireBrowser => Environment.GetEnvironmentVariable("SPECIOSA_REQUIRE_BROWSER") == "1";

    public static void SkipOrFail(bool required, string reason)
    {
        if (required)
        {
            Assert.Fail(reason + " (required here: the SPECIOSA_REQUIRE_* variable is set)");
        }

        Assert.Skip(reason);
    }
}
