-- billing.0001_subscription_plans (plan item 014): SQL Server DDL
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
-- Create model SubscriptionPlan
CREATE TABLE [SubscriptionPlans] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Code] nvarchar(50) NOT NULL UNIQUE, [Name] nvarchar(100) NOT NULL, [Description] nvarchar(max) NOT NULL, [Audience] nvarchar(20) NOT NULL, [Price] numeric(10, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL, [BillingInterval] nvarchar(5) NOT NULL, [IntervalCount] smallint NOT NULL CONSTRAINT SubscriptionPlans_IntervalCount_b0e13523_check CHECK ([IntervalCount] >= 0), [TrialPeriodDays] smallint NOT NULL CONSTRAINT SubscriptionPlans_TrialPeriodDays_bffd0166_check CHECK ([TrialPeriodDays] >= 0), [IsActive] bit DEFAULT 1 NOT NULL, [IsPublic] bit DEFAULT 1 NOT NULL, [SortOrder] int NOT NULL, [ProviderProductId] nvarchar(100) NULL, [ProviderPriceId] nvarchar(100) NULL, [MarketingFeatures] nvarchar(max) NOT NULL CONSTRAINT SubscriptionPlans_MarketingFeatures_23d26a2f_check CHECK ((ISJSON ("MarketingFeatures") = 1)), CONSTRAINT [CK_Plans_Price] CHECK ([Price] >= 0), CONSTRAINT [CK_Plans_Interval] CHECK ([BillingInterval] IN ('day', 'week', 'month', 'year')), CONSTRAINT [CK_Plans_IntervalCount] CHECK ([IntervalCount] >= 1), CONSTRAINT [CK_SubscriptionPlans_Audience] CHECK ([Audience] IN ('PetOwner', 'ServiceProvider')));
GO
-- Create model PlanEntitlement
CREATE TABLE [PlanEntitlements] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [FeatureKey] nvarchar(100) NOT NULL, [IsEnabled] bit DEFAULT 1 NOT NULL, [LimitValue] bigint NULL, [PlanId] int NOT NULL, CONSTRAINT [UX_PlanEntitlements_Plan_Key] UNIQUE ([PlanId], [FeatureKey]));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE UNIQUE INDEX [UX_Plans_ProviderPriceId] ON [SubscriptionPlans] ([ProviderPriceId]) WHERE [ProviderPriceId] IS NOT NULL;
GO
ALTER TABLE [PlanEntitlements] ADD CONSTRAINT [PlanEntitlements_PlanId_1f8d593e_fk_SubscriptionPlans_Id] FOREIGN KEY ([PlanId]) REFERENCES [SubscriptionPlans] ([Id]);
GO
COMMIT TRANSACTION;
GO
