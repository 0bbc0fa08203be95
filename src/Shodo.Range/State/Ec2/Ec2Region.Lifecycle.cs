namespace Shodo.Range.State.Ec2;

/// <summary>
/// Instance state changes and what they do to Spot requests, as AWS documents them: stopping a
/// persistent request's instance disables the request, starting it re-activates it; terminating a
/// one-time request's instance closes the request, terminating a persistent one's re-opens it and
/// a replacement is launched; cancelling a request leaves its instance running.
/// </summary>
public sealed partial class Ec2Region
{
    public void Stop(Ec2Instance instance, DateTimeOffset now)
    {
        instance.BeginStop(now, Timings.Stop);
        foreach (var c in instance.Connections.Where(c => c.IsOpen)) c.CutAt = now; // the OS shuts down: its connections end
        if (SpotRequestOf(instance) is { Type: SpotRequest.Persistent, State: SpotRequest.Active } request)
            request.SetStatus(SpotRequest.Disabled, "instance-stopped-by-user",
                "Spot Instance has been stopped because of a user-initiated stop.", now);
    }

    public void Start(Ec2Instance instance, DateTimeOffset now)
    {
        instance.BeginStart(now, Timings.Boot, NewPublicIp());
        if (SpotRequestOf(instance) is { State: SpotRequest.Disabled } request)
            request.SetStatus(SpotRequest.Active, "fulfilled", "Your spot request is fulfilled.", now);
    }

    public void Terminate(Ec2Instance instance, DateTimeOffset now)
    {
        instance.BeginTerminate(now, Timings.Shutdown);
        var request = SpotRequestOf(instance);
        if (request is null || request.InstanceId != instance.InstanceId) return;
        const string message = "Spot Instance terminated due to user-initiated termination.";
        if (request.State == SpotRequest.Cancelled)
            request.SetStatus(SpotRequest.Cancelled, "instance-terminated-by-user", message, now);
        else if (request.Type == SpotRequest.OneTime)
            request.SetStatus(SpotRequest.Closed, "instance-terminated-by-user", message, now);
        else
            request.SetStatus(SpotRequest.Open, "instance-terminated-by-user", message, now);
    }

    public void Cancel(SpotRequest request, DateTimeOffset now)
    {
        if (request.State is SpotRequest.Closed or SpotRequest.Cancelled) return;
        var instance = request.InstanceId is { } id ? FindInstance(id) : null;
        if (request.State == SpotRequest.Open && (instance is null || instance.IsGone))
            request.SetStatus(SpotRequest.Cancelled, "canceled-before-fulfillment",
                "Your Spot request was canceled before it was fulfilled.", now);
        else
            request.SetStatus(SpotRequest.Cancelled, "request-canceled-and-instance-running",
                "Spot Instance request was canceled, but the instance is still running.", now);
    }

    public SpotRequest? SpotRequestOf(Ec2Instance instance) =>
        instance.SpotInstanceRequestId is { } id ? FindSpotRequest(id) : null;

    /// <summary>
    /// Brings the region up to <paramref name="now"/>: finishes transitions whose time has come,
    /// releases the volumes of terminated instances, forgets instances terminated over an hour ago,
    /// and fulfils open Spot requests (including persistent ones whose instance was terminated).
    /// A clock set back (a backdated scenario) completes nothing new; completed changes stay.
    /// </summary>
    public void Settle(DateTimeOffset now)
    {
        LastSettled = now;
        foreach (var instance in Instances)
        {
            var was = instance.State;
            instance.Settle(now);
            if (was != InstanceStates.Terminated && instance.State == InstanceStates.Terminated) ReleaseVolumes(instance);
        }
        foreach (var gone in Instances.Where(i => i.TerminatedAt + Timings.TerminatedVisibleFor < now).ToList())
        {
            Instances.Remove(gone);
            Tags.RemoveAll(gone.InstanceId);
        }
        foreach (var request in SpotRequests.Where(r => r.State == SpotRequest.Open).ToList())
        {
            var instance = Launch(request.Launch, 1, now, spotRequestId: request.SpotInstanceRequestId)[0];
            Fulfil(request, instance, now);
        }
        SettleFleets(now);
    }

    private void ReleaseVolumes(Ec2Instance instance)
    {
        foreach (var volume in Volumes.Where(v => v.AttachedInstanceId == instance.InstanceId).ToList())
        {
            if (volume.DeleteOnTermination)
            {
                Volumes.Remove(volume);
                Tags.RemoveAll(volume.VolumeId);
            }
            else
            {
                volume.AttachedInstanceId = null;
                volume.Device = null;
                volume.AttachTime = null;
            }
        }
    }
}
