using Shodo.Investigation.Triage.Signs;

namespace Shodo.Tests.InvestigationTests.Triage;

public sealed class UserAgentFamilyTests
{
    [Theory]
    [InlineData("aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/ec2.describe-instances", "aws-cli/2 darwin")]
    [InlineData("aws-cli/2.15.31 Python/3.11.9 Darwin/23.5.0 exe/x86_64 prompt/off command/s3.ls", "aws-cli/2 darwin")]
    [InlineData("aws-cli/1.18.69 Python/3.8.3 Linux/5.7.0-kali1-amd64 botocore/1.17.44", "aws-cli/1 linux kali")]
    [InlineData("Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/macos#23.4.0 md/arch#x86_64 lang/python#3.11.8", "Boto3/1 macos")]
    [InlineData("aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.2 md/GOOS#linux", "aws-sdk-go-v2/1 linux")]
    [InlineData("console.amazonaws.com", "console.amazonaws.com")]
    [InlineData("", "")]
    public void A_client_is_known_by_its_first_product_major_version_and_platform(string userAgent, string family) =>
        Assert.Equal(family, UserAgentFamily.Of(userAgent));
}
