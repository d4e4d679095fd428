package com.custom.cognito.providerlink.local.cloudcontrol;

import com.custom.cognito.providerlink.local.aws.AwsCall;
import com.custom.cognito.providerlink.local.aws.AwsEndpoint;
import com.custom.cognito.providerlink.local.aws.AwsError;
import com.custom.cognito.providerlink.local.aws.AwsService;
import com.custom.cognito.providerlink.local.harness.WrapperInvoker;

/** STS {@code GetCallerIdentity} (query protocol): the local account, for the clients that ask who they are first. */
public final class StsService implements AwsService, AwsEndpoint.QueryActions {

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public String name() {
        return "sts";
    }

    @Override
    public String xmlNamespace() {
        return "https://sts.amazonaws.com/doc/2011-06-15/";
    }

    @Override
    public boolean answers(final String action) {
        return "GetCallerIdentity".equals(action);
    }

    @Override
    public Answer call(final AwsCall call) {
        if (!"GetCallerIdentity".equals(call.operation())) {
            throw AwsError.client("InvalidAction", "This local endpoint answers only GetCallerIdentity for STS.");
        }
        final String user = call.accessKeyId() == null ? "local" : call.accessKeyId();
        return Answer.xml("<Arn>arn:aws:iam::" + WrapperInvoker.ACCOUNT + ":user/" + AwsEndpoint.Xml.escape(user)
            + "</Arn><UserId>"
            + AwsEndpoint.Xml.escape(user) + "</UserId><Account>" + WrapperInvoker.ACCOUNT + "</Account>");
    }
}
