-- billing.0003_user_subscriptions (plan item 015): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Create model UserSubscription
CREATE TABLE [UserSubscriptions] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Status] nvarchar(20) NOT NULL, [Quantity] smallint NOT NULL CONSTRAINT UserSubscriptions_Quantity_16d0e736_check CHECK ([Quantity] >= 0), [StartedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [CurrentPeriodStart] datetimeoffset NULL, [CurrentPeriodEnd] datetimeoffset NULL, [TrialStart] datetimeoffset NULL, [TrialEnd] datetimeoffset NULL, [CancelAtPeriodEnd] bit DEFAULT 0 NOT NULL, [CancelAt] datetimeoffset NULL, [CanceledAt] datetimeoffset NULL, [EndedAt] datetimeoffset NULL, [CancellationReason] nvarchar(200) NOT NULL, [PaymentProvider] nvarchar(20) NOT NULL, [ProviderCustomerId] nvarchar(100) NULL, [ProviderSubscriptionId] nvarchar(100) NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT UserSubscriptions_Metadata_82fb01f6_check CHECK ((ISJSON ("Metadata") = 1)), [PlanId] int NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [CK_UserSubs_Status] CHECK ([Status] IN ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'paused')), CONSTRAINT [CK_UserSubs_Period] CHECK (([CurrentPeriodEnd] IS NULL OR [CurrentPeriodEnd] > ([CurrentPeriodStart]))), CONSTRAINT [CK_UserSubs_Trial] CHECK (([TrialEnd] IS NULL OR [TrialEnd] > ([TrialStart]))), CONSTRAINT [CK_UserSubscriptions_PaymentProvider] CHECK ([PaymentProvider] IN ('Stripe', 'AppStore', 'GooglePlay', 'Manual')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_UserSubs_Plan] ON [UserSubscriptions] ([PlanId]);
GO
CREATE INDEX [IX_UserSubs_Status_PeriodEnd] ON [UserSubscriptions] ([Status], [CurrentPeriodEnd]);
GO
CREATE INDEX [UserSubscriptions_UserId_e80c1755] ON [UserSubscriptions] ([UserId]);
GO
CREATE UNIQUE INDEX [UX_UserSubs_ProviderSubId] ON [UserSubscriptions] ([ProviderSubscriptionId]) WHERE [ProviderSubscriptionId] IS NOT NULL;
GO
CREATE UNIQUE INDEX [UX_UserSubs_User_Live] ON [UserSubscriptions] ([UserId]) WHERE [Status] IN ('incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'paused');
GO
ALTER TABLE [UserSubscriptions] ADD CONSTRAINT [UserSubscriptions_PlanId_d3edbf86_fk_SubscriptionPlans_Id] FOREIGN KEY ([PlanId]) REFERENCES [SubscriptionPlans] ([Id]);
GO
ALTER TABLE [UserSubscriptions] ADD CONSTRAINT [UserSubscriptions_UserId_e80c1755_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
