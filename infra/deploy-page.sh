#!/usr/bin/env bash
# Puts the desk page on AWS: copies page/ to the stack's page bucket, writes the page's runtime configuration
# (config.json: the hosted sign-in's domain, the page's client, the user pool; the API is on the page's own origin)
# from the stack's outputs, and invalidates the distribution so the next visit gets the new files.
# CloudFormation cannot upload files: run this after the first `sam deploy`, and after any deploy that changed page/.
#
#   infra/deploy-page.sh [stack-name]        (default: claim-desk)
#
# Needs the AWS CLI with credentials for the stack's account and region (s3:ListBucket, s3:PutObject, s3:DeleteObject
# on the page bucket, cloudfront:CreateInvalidation, cloudformation:DescribeStacks).
set -euo pipefail
cd "$(dirname "$0")/.."

stack="${1:-claim-desk}"

out() {
  local value
  value=$(aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text)
  if [ -z "$value" ] || [ "$value" = "None" ]; then
    echo "deploy-page: the stack $stack has no output $1: deploy infra/template.yaml first (docs/deploy.md)" >&2
    exit 1
  fi
  printf '%s' "$value"
}

bucket=$(out PageBucketName)
distribution=$(out PageDistributionId)
domain=$(out SignInDomain)
client=$(out DeskPageClientId)
pool=$(out DeskUserPoolId)
page=$(out PageUrl)

config=$(mktemp)
trap 'rm -f "$config"' EXIT
# "api": "" sends the API's calls to the page's own origin, where CloudFront routes /claims/* and /cases* to DeskApi.
printf '{"api":"","signIn":{"domain":"%s","clientId":"%s","userPool":"%s"}}\n' "$domain" "$client" "$pool" > "$config"

# no-cache: a browser asks again each visit (an unchanged file costs a 304), so a deploy shows at once.
aws s3 sync page/ "s3://$bucket/" --delete --exclude config.json --cache-control no-cache --only-show-errors
aws s3 cp "$config" "s3://$bucket/config.json" --content-type application/json --cache-control no-store --only-show-errors
aws cloudfront create-invalidation --distribution-id "$distribution" --paths '/*' --query Invalidation.Id --output text >/dev/null

echo "The desk page is at $page (sign-in: $domain)"
