using Shodo.Aws.S3Control;

namespace Shodo.Tests.Aws;

/// <summary>
/// S3 Control's host carries the account (the model's hostPrefix <c>{AccountId}.</c>) in front of the regional endpoint, or in
/// front of an endpoint override's host; it is signed as <c>s3</c>. Anything but 12 digits is refused before a request is built.
/// </summary>
public sealed class S3ControlEndpointTests
{
    [Theory]
    [InlineData("us-east-1", "https://111122223333.s3-control.us-east-1.amazonaws.com/")]
    [InlineData("eu-west-1", "https://111122223333.s3-control.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://111122223333.s3-control.cn-north-1.amazonaws.com.cn/")]
    public void The_account_is_the_host_prefix_of_the_regional_endpoint(string region, string url)
    {
        var endpoint = S3ControlEndpoint.For("111122223333", region, null);
        Assert.Equal((url, "s3", region), (endpoint.Url.ToString(), endpoint.SigningName, endpoint.SigningRegion));
    }

    [Fact]
    public void Against_an_endpoint_override_the_account_prefixes_its_host_and_keeps_its_port()
    {
        var endpoint = S3ControlEndpoint.For("111122223333", "us-east-1", new Uri("http://127.0.0.1:45871/"));
        Assert.Equal("http://111122223333.127.0.0.1:45871/", endpoint.Url.ToString());
    }

    [Theory]
    [InlineData("11112222333")]
    [InlineData("evil.example.com/")]
    public void Anything_but_an_account_id_is_refused(string account) =>
        Assert.Throws<ArgumentException>(() => S3ControlEndpoint.For(account, "us-east-1", null));
}
